# A record prints its field names as a record literal writes them: bare when they are names, quoted when not
# (spaces, a leading digit, a keyword, the empty name, a line break), so what prints reads back.
r = {loss: 1, x_2: 2}
r["a b"] = 3
r["1x"] = 4
r["if"] = 5
r[""] = 6
r["two\nlines"] = 7
print r  # expect: {loss: 1, x_2: 2, "a b": 3, "1x": 4, "if": 5, "": 6, "two\nlines": 7}
back = {loss: 1, x_2: 2, "a b": 3, "1x": 4, "if": 5, "": 6, "two\nlines": 7}
print (back == r)  # expect: true
print [{"per env": [1, 2]}]  # expect: [{"per env": [1, 2]}]
