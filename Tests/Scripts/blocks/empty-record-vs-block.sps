print (type {}) (type { 1 })  # expect: record block
