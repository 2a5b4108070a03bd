# Writes the site's template bundles, one a language: templates/<lang>.json is
# {"saas-journey.es": <that file's map>, ...} for every assets/templates/*.<lang>.json.
# The browser fetches a language's bundle the first time it wants that language's
# templates (src/platform/web/web_site_texts.cpp), so the wasm carries none.
# Called by CMake with -DOUT_DIR=<site/templates> -DFILES=<a;b;c> -DLANGUAGES=<en;es;...>.
file(MAKE_DIRECTORY "${OUT_DIR}")
list(SORT FILES)
foreach(lang ${LANGUAGES})
  set(body "{")
  set(sep "")
  foreach(f ${FILES})
    get_filename_component(name "${f}" NAME_WLE)   # "saas-journey.es"
    if(name MATCHES "\\.${lang}$")
      file(READ "${f}" text)
      string(APPEND body "${sep}\n\"${name}\": ${text}")
      set(sep ",")
    endif()
  endforeach()
  string(APPEND body "\n}\n")
  file(WRITE "${OUT_DIR}/${lang}.json.tmp" "${body}")
  file(COPY_FILE "${OUT_DIR}/${lang}.json.tmp" "${OUT_DIR}/${lang}.json" ONLY_IF_DIFFERENT)
  file(REMOVE "${OUT_DIR}/${lang}.json.tmp")
endforeach()
