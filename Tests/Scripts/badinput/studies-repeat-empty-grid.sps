# Bad input: a grid keyword whose range is empty (found by fuzz-run: it used to make no runs and then crash).
# expect error: repeat: lr has no values to try (5..3 is empty)

t = repeat seeds=0..1 lr=5..3 { record a=1 }
