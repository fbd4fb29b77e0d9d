# Bad input: a def that recurses through repeat. A run continues the call depth of the call that started it, so
# the 10 000-call limit holds and the recursion ends with an error (before: a stack overflow). Runs one after
# another borrow the session's value stack, so 5 000 nested runs reserve no address space of their own.

# expect error: repeat: every run failed; the first: run with seed 0 failed: too many nested calls (more than 10000); is def f recursing without end?
def f n { repeat seeds=[0] { f (n + 1) } }
# expect: repeat: run with seed 0 failed: too many nested calls (more than 10000); is def f recursing without end?
f 0
