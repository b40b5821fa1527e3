# The warning set every asepsis target is built with; ASEPSIS_WERROR makes them errors.
set(ASEPSIS_WARNINGS
  -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes
  -Wformat=2 -Wundef -Wpointer-arith -Wcast-qual -Wvla)
if(ASEPSIS_WERROR)
  list(APPEND ASEPSIS_WARNINGS -Werror)
endif()

function(asepsis_target_warnings target)
  target_compile_options(${target} PRIVATE ${ASEPSIS_WARNINGS})
endfunction()
