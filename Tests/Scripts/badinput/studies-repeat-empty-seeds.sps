# Bad input: no seeds at all.
# expect error: repeat needs at least one seed

t = repeat seeds=3..1 { record a=1 }
