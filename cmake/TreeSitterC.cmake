# The C grammar for the pattern engine: tree-sitter-c, fetched by package
# name and verified by scripts/fetch-grammar.sh, compiled here against
# Debian's tree-sitter runtime (language ABI 14).
set(ASEPSIS_GRAMMAR_VERSION 0.23.6)
set(ASEPSIS_GRAMMAR_DIR "${PROJECT_SOURCE_DIR}/.deps/tree-sitter-c-${ASEPSIS_GRAMMAR_VERSION}"
  CACHE PATH "Folder holding the unpacked tree-sitter-c grammar")
if(NOT EXISTS "${ASEPSIS_GRAMMAR_DIR}/src/parser.c")
  message(STATUS "Fetching tree-sitter-c ${ASEPSIS_GRAMMAR_VERSION}")
  execute_process(COMMAND sh ${PROJECT_SOURCE_DIR}/scripts/fetch-grammar.sh ${ASEPSIS_GRAMMAR_DIR}
    RESULT_VARIABLE _fetch_rc)
  if(NOT _fetch_rc EQUAL 0)
    message(FATAL_ERROR "Could not fetch tree-sitter-c ${ASEPSIS_GRAMMAR_VERSION}; run scripts/setup-deps.sh")
  endif()
endif()

# Generated third-party code: built as published, without our warning set.
add_library(asepsis_grammar_c STATIC ${ASEPSIS_GRAMMAR_DIR}/src/parser.c)
target_include_directories(asepsis_grammar_c PRIVATE ${ASEPSIS_GRAMMAR_DIR}/src)
target_compile_options(asepsis_grammar_c PRIVATE -w)
set_target_properties(asepsis_grammar_c PROPERTIES C_STANDARD 11 C_EXTENSIONS ON
  POSITION_INDEPENDENT_CODE ON)
