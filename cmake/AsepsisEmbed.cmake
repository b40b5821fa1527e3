# Embeds data files (the rule catalogue, the store schema) into generated C
# sources, so the binary carries them and their hash.
#
# asepsis_embed(OUT <file.c> SYMBOL <name> BASE <dir> FILES <f>...)
# generates: const struct asp_embedded_file <name>[]; const size_t <name>_count;
function(asepsis_embed)
  cmake_parse_arguments(E "" "OUT;SYMBOL;BASE" "FILES" ${ARGN})
  add_custom_command(
    OUTPUT ${E_OUT}
    COMMAND ${CMAKE_COMMAND} -DOUT=${E_OUT} -DSYMBOL=${E_SYMBOL} -DBASE=${E_BASE}
            "-DFILES=${E_FILES}" -P ${PROJECT_SOURCE_DIR}/cmake/AsepsisEmbedRun.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/AsepsisEmbedRun.cmake
    COMMENT "Embedding ${E_SYMBOL}"
    VERBATIM)
endfunction()
