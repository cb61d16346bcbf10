# Tests, run by ctest. Each unit test is one cmocka executable per module.
set(JISHI_TEST_ENV "JISHI_MODEL=${JISHI_MODEL}")
set(SEED ${JISHI_SHARED_DIR}/seed/000_4a3967963325df65)

if(CMOCKA_FOUND)
  foreach(t base doc seg)
    add_executable(test_${t} tests/unit/test_${t}.c)
    target_link_libraries(test_${t} PRIVATE jishi_static PkgConfig::CMOCKA
      PkgConfig::JANSSON)
    target_compile_definitions(test_${t} PRIVATE
      JISHI_SEED="${SEED}.txt" JISHI_TEST_DATA="${CMAKE_SOURCE_DIR}/tests/data")
    add_test(NAME unit_${t} COMMAND test_${t})
    set_tests_properties(unit_${t} PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}")
  endforeach()
endif()

# The seed article must score layout=1.0 against its hand-made gold.
add_test(NAME golden_seed_layout
  COMMAND ${CMAKE_SOURCE_DIR}/tests/golden/score_seed.sh $<TARGET_FILE:jishi>
          ${SEED}.txt ${SEED}.gold.json layout=1.0)
set_tests_properties(golden_seed_layout PROPERTIES SKIP_RETURN_CODE 77)

option(JISHI_HEAVY_TESTS "Run the CLI checks with 1,000 files and a 200 MB stream" ON)
option(JISHI_FUZZ "Build the libFuzzer targets with clang" ON)

# The CLI contract (docs/cli.md).
add_test(NAME cli_contract
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/run_cli_tests.sh $<TARGET_FILE:jishi>
          ${JISHI_SHARED_DIR})
set_tests_properties(cli_contract PROPERTIES ENVIRONMENT
  "${JISHI_TEST_ENV};JISHI_HEAVY=$<IF:$<BOOL:${JISHI_HEAVY_TESTS}>,1,0>"
  TIMEOUT 900)

# Table-driven layout cases built from real reports (tests/data/layout).
if(CMOCKA_FOUND AND EXISTS ${CMAKE_SOURCE_DIR}/tests/unit/test_layout_cases.c)
  add_executable(test_layout_cases tests/unit/test_layout_cases.c)
  target_link_libraries(test_layout_cases PRIVATE jishi_static
    PkgConfig::CMOCKA PkgConfig::JANSSON)
  add_test(NAME layout_cases COMMAND test_layout_cases
    ${CMAKE_SOURCE_DIR}/tests/data/layout ${JISHI_MODEL})
  set_tests_properties(layout_cases PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}")
endif()

# Fuzz targets: replayed over the committed corpus with the regular
# compiler (under ASan in the sanitizer build), and built with clang's
# libFuzzer for real runs by tests/fuzz/run_fuzz.sh.
foreach(f process model dict)
  add_executable(fuzz_${f}_replay tests/fuzz/fuzz_${f}.c tests/fuzz/fuzz_main.c)
  target_link_libraries(fuzz_${f}_replay PRIVATE jishi_static)
  add_test(NAME fuzz_${f}_corpus COMMAND fuzz_${f}_replay
    ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus/${f})
  set_tests_properties(fuzz_${f}_corpus PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}")
endforeach()
# the real model through the loader target
add_test(NAME fuzz_model_real COMMAND fuzz_model_replay ${JISHI_MODEL})

find_program(JISHI_CLANG NAMES clang-14 clang)
if(JISHI_FUZZ AND JISHI_CLANG)
  set(_inc)
  foreach(d ${JISHI_INCLUDE_DIRS})
    list(APPEND _inc -I${d})
  endforeach()
  file(GLOB _hdr ${CMAKE_SOURCE_DIR}/include/*.h ${CMAKE_SOURCE_DIR}/src/*/*.h)
  foreach(f process model dict)
    add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/fuzz_${f}
      COMMAND ${JISHI_CLANG} -std=c11 -D_GNU_SOURCE -DJISHI_BUILDING -g -O1
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
        ${_inc} ${JISHI_LIB_SOURCES} ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_${f}.c
        -lpthread -lm -o ${CMAKE_BINARY_DIR}/fuzz_${f}
      DEPENDS ${JISHI_LIB_SOURCES} ${_hdr} ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_${f}.c
      COMMENT "Building libFuzzer target fuzz_${f} with clang")
    add_custom_target(fuzz_${f}_bin ALL DEPENDS ${CMAKE_BINARY_DIR}/fuzz_${f})
  endforeach()
endif()

# Entities (docs/internals/ent.md): the seed against its gold, the hard
# cases in both scripts, and the seed in Simplified giving the same
# entities as in Traditional.
add_test(NAME golden_seed_entities
  COMMAND ${CMAKE_SOURCE_DIR}/tests/golden/score_seed.sh $<TARGET_FILE:jishi>
          ${SEED}.txt ${SEED}.gold.json entities=0.9,coref=0.9)
set_tests_properties(golden_seed_entities PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME ent_cases
  COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/ent/run_ent_cases.py
          $<TARGET_FILE:jishi> ${CMAKE_SOURCE_DIR}/tests/data/ent/cases.jsonl)
set_tests_properties(ent_cases PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}")
add_test(NAME ent_seed_hans
  COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/ent/compare_scripts.py
          $<TARGET_FILE:jishi> ${CMAKE_SOURCE_DIR}/samples/ettoday-korea-japan-summit-20250824.txt)
set_tests_properties(ent_seed_hans PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}"
  SKIP_RETURN_CODE 77)

# Time (docs/internals/time.md): the seed's times, the hand-written cases
# in both scripts, and no dependence on the machine's clock.
add_test(NAME golden_seed_times
  COMMAND ${CMAKE_SOURCE_DIR}/tests/golden/score_seed.sh $<TARGET_FILE:jishi>
          ${SEED}.txt ${SEED}.gold.json times=1.0)
set_tests_properties(golden_seed_times PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME time_cases
  COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/time/run_time_cases.py
          $<TARGET_FILE:jishi> ${CMAKE_SOURCE_DIR}/tests/data/time/cases.tsv)
set_tests_properties(time_cases PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}")
add_test(NAME time_fake_clock
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/time/fake_clock.sh $<TARGET_FILE:jishi>
          ${CMAKE_SOURCE_DIR}/samples/ettoday-korea-japan-summit-20250824.txt)
set_tests_properties(time_fake_clock PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}"
  SKIP_RETURN_CODE 77)

# Quotes and events (docs/internals/event.md): the seed against its gold,
# the hand-made golds of tests/golden (quotes and events means), the
# table-driven event cases of every CAMEO root in both scripts, the seed
# in Simplified giving the same quotes and events, and the export formats.
add_test(NAME golden_seed_quotes_events
  COMMAND ${CMAKE_SOURCE_DIR}/tests/golden/score_seed.sh $<TARGET_FILE:jishi>
          ${SEED}.txt ${SEED}.gold.json quotes=0.9,events=0.85)
set_tests_properties(golden_seed_quotes_events PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME golden_reports
  COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/golden/run_golden.py
          --jishi $<TARGET_FILE:jishi> --model ${JISHI_MODEL}
          --shared ${JISHI_SHARED_DIR} --require quotes=0.95,events=0.75)
set_tests_properties(golden_reports PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME golden_check
  COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/golden/check_gold.py
          --shared ${JISHI_SHARED_DIR} --quiet)
set_tests_properties(golden_check PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME event_cases
  COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/event/run_event_cases.py
          $<TARGET_FILE:jishi> ${JISHI_MODEL}
          ${CMAKE_SOURCE_DIR}/tests/data/event/cases.jsonl)
add_test(NAME event_seed_hans
  COMMAND python3 ${CMAKE_SOURCE_DIR}/tests/event/compare_scripts.py
          $<TARGET_FILE:jishi> ${CMAKE_SOURCE_DIR}/samples/ettoday-korea-japan-summit-20250824.txt)
set_tests_properties(event_seed_hans PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}"
  SKIP_RETURN_CODE 77)
add_test(NAME event_exports
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/event/exports.sh $<TARGET_FILE:jishi>
          ${CMAKE_SOURCE_DIR}/samples/ettoday-korea-japan-summit-20250824.txt)
set_tests_properties(event_exports PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}")

# The event store (docs/internals/store.md): idempotent ingest, a changed
# text replacing its facts, kill -9 and resume, schema versions, SQL
# metacharacters in query filters.
add_test(NAME store
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/store/store_test.sh $<TARGET_FILE:jishi>
          ${CMAKE_SOURCE_DIR}/samples)
set_tests_properties(store PROPERTIES
  ENVIRONMENT "${JISHI_TEST_ENV};STORE_DOCS=$<IF:$<BOOL:${JISHI_HEAVY_TESTS}>,10000,800>"
  SKIP_RETURN_CODE 77 TIMEOUT 900)
add_test(NAME store_merge
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/store/merge_test.sh $<TARGET_FILE:jishi>
          ${CMAKE_SOURCE_DIR}/samples/ettoday-korea-japan-summit-20250824.txt
          ${CMAKE_SOURCE_DIR}/tests/data/store/summit-other-report.txt
          ${CMAKE_SOURCE_DIR}/tests/data/store/v1.sql)
set_tests_properties(store_merge PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}"
  SKIP_RETURN_CODE 77)
# jishi serve: the API over the sample store, bad requests, SQL
# metacharacters in every parameter, 1,000 concurrent connections (wrk).
add_test(NAME serve_api
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/serve/api_test.sh $<TARGET_FILE:jishi>
          ${CMAKE_SOURCE_DIR}/samples)
set_tests_properties(serve_api PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}"
  SKIP_RETURN_CODE 77)
# The page in Debian's chromium via playwright-core (npm): filter to
# KOR-JPN, click the summit, see its evidence; the screenshot is
# build*/test-artifacts/serve-e2e.png.
add_test(NAME serve_e2e
  COMMAND bash ${CMAKE_SOURCE_DIR}/tests/serve/e2e_test.sh $<TARGET_FILE:jishi>
          ${CMAKE_SOURCE_DIR}/samples ${CMAKE_BINARY_DIR}/test-artifacts)
set_tests_properties(serve_e2e PROPERTIES ENVIRONMENT "${JISHI_TEST_ENV}"
  SKIP_RETURN_CODE 77 TIMEOUT 600)
