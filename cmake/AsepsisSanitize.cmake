# ASEPSIS_SANITIZE: address, undefined and leak sanitizers on every target.
if(ASEPSIS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(ASEPSIS_DEBUG_ARENA)
  add_compile_definitions(ASEPSIS_DEBUG_ARENA=1)
endif()
