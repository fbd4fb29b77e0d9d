# Bad input: a def that recurses through repeat (before: a stack overflow). Runs continue the call depth of the
# call that started them, so the 10 000-call limit holds through repeat, and repeat nests at most 100 runs deep,
# since one level of repeat takes far more stack than a call: the recursion ends with an error, in every build.

# expect error: repeat: every run failed; the first: run with seed 0 failed: too many nested calls (runs of repeat nested more than 100 deep); is a def recursing through repeat?
def f n { repeat seeds=[0] { f (n + 1) } }
# expect: repeat: run with seed 0 failed: too many nested calls (runs of repeat nested more than 100 deep); is a def recursing through repeat?
f 0
