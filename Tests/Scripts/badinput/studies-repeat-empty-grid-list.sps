# Bad input: a grid keyword given an empty list.
# expect error: repeat: lr has no values to try

t = repeat seeds=0..1 lr=[] { record a=1 }
