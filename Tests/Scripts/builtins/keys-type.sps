print (keys {b: 1, a: 2}) (type {a: 1})  # expect: ["b", "a"] record
