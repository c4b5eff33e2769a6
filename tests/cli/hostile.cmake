# Hostile input at the command line (issue 15): each finding that the CLI can show, as the
# smallest command that showed it. Included by tests/CMakeLists.txt after gradlab_expect_test.
string(REPEAT "9" 400 nines)
# 3: a slope of 400 nines overflowed to inf and trained a model of NaN.
gradlab_expect_test("cli hostile 3 an infinite lrelu slope is refused"
  "${cli}|train|--data|toy:spiral|--model|fc10 lrelu${nines}|--max-steps|1" 2 "lrelu's slope must be from 0 to 10 at column 6")
# 6, 7: no bad_alloc, no wrapped int: the budget refuses the model before anything is allocated.
gradlab_expect_test("cli hostile 6 a model over the budget is refused"
  "${cli}|train|--classes|cat,ship|--train-per-class|10|--test|10|--model|mlp:100000,100000" 2
  "'mlp:100000,100000' makes the model too large: .* the limit is 1.0 GB")
gradlab_expect_test("cli hostile 6 fc999999 is refused"
  "${cli}|train|--classes|cat,ship|--train-per-class|10|--test|10|--model|fc999999" 2 "3,072,996,927 parameters")
gradlab_expect_test("cli hostile 7 sizes that would wrap an int are refused"
  "${cli}|train|--classes|cat,ship|--train-per-class|10|--test|10|--model|conv1k1p99 conv1k1p99 conv9999k1p99 fc" 2
  "'conv9999k1p99' would output 9999x626x626 = 3,918,368,124 numbers per sample")
# 8: non-finite settings are usage errors; a huge lambda is blamed for the divergence it causes.
gradlab_expect_test("cli hostile 8 warm-up inf is refused" "${cli}|train|--data|toy:spiral|--warmup|inf" 2
                    "--warmup must be a finite number, not 'inf'")
gradlab_expect_test("cli hostile 8 beta inf is refused" "${cli}|train|--data|toy:spiral|--beta|inf" 2
                    "--beta must be a finite number, not 'inf'")
gradlab_expect_test("cli hostile 8 lr nan is refused" "${cli}|train|--data|toy:spiral|--lr|nan" 2 "--lr must be a finite number")
gradlab_expect_test("cli hostile 8 a huge lambda is blamed"
  "${cli}|train|--data|toy:spiral|--model|mlp:8|--reg|l2|--lambda|1e308|--epochs|1" 1
  "the loss became infinite. The regularization strength \\(lambda\\) is probably too high")
# 9, 10
gradlab_expect_test("cli hostile 9 a tiny dropout is a dropout"
  "${cli}|train|--data|toy:spiral|--model|mlp:8|--dropout|0.00001|--epochs|1" 0 "dropout0.00001 .*done: 19 steps")
gradlab_expect_test("cli hostile 10 graph takes -- before the expression" "${cli}|graph|--|x*2|x=1" 0 "x +input +1 +2")
# 11: messages that said something else, and exit code 2 for every bad option value.
gradlab_expect_test("cli hostile 11 a folder as the model is a folder" "${cli}|eval|--model|${PROJECT_SOURCE_DIR}/tests" 1
                    "tests is a folder, not a file")
gradlab_expect_test("cli hostile 11 an unknown toy dataset is a usage error" "${cli}|train|--data|toy:foo" 2 "unknown toy dataset 'foo'")
gradlab_expect_test("cli hostile 11 an unknown class is a usage error" "${cli}|train|--classes|cat,unicorn" 2
                    "unknown CIFAR-10 class 'unicorn'")
gradlab_expect_test("cli hostile 11 toy noise out of range is a usage error" "${cli}|train|--data|toy:spiral|--toy-noise|5" 2
                    "noise must be 0 to 1")
set(toy_model "${CMAKE_BINARY_DIR}/hostile-toy.gradlab")
gradlab_expect_test("cli hostile 11 a toy model is saved"
  "${cli}|train|--data|toy:spiral|--model|mlp:8|--epochs|1|--save|${toy_model}" 0 "saved ")
gradlab_expect_test("cli hostile 11 a toy model without --data names its data"
  "${cli}|predict|--model|${toy_model}|--test-index|0" 2 "this model was trained on spiral train .* give its data with --data")
gradlab_expect_test("cli hostile 11 a toy model with its data predicts"
  "${cli}|predict|--model|${toy_model}|--test-index|0|--data|toy:spiral" 0 "test image 0 \\(class [0-2]\\)")
foreach(n "without --data names its data" "with its data predicts")
  set_tests_properties("${prefix}cli hostile 11 a toy model ${n}" PROPERTIES DEPENDS "${prefix}cli hostile 11 a toy model is saved")
endforeach()
