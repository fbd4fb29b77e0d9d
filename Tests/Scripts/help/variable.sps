# `help` on a variable describes the value.
r = {lr: 0.001, epochs: 30}
help r
# expect: r: record with 2 fields
# expect: {lr: 0.001, epochs: 30}
# expect:
# expect: members  lr, epochs
