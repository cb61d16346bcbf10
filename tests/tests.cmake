# Tests, run by ctest. Each unit test is one cmocka executable per module.
set(JISHI_TEST_ENV "JISHI_MODEL=${JISHI_MODEL}")
set(SEED ${JISHI_SHARED_DIR}/seed/000_4a3967963325df65)

if(CMOCKA_FOUND)
  foreach(t base doc)
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
