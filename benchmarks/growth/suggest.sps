# Growth: a missing record field whose name and the record's one field are 100,000 characters each (they differ
# in the last one). The "did you mean" search skips names that long; it took 20 s. Ends in the error, as it should.
# Needs `n` (the length).
a = "a" * n
r = {}
r[a] = 1
r[a + "b"]
