# Bad input: plot scatter grouped by a column of a record whose columns differ in length (found by fuzz-run)
# expect error: plot scatter: to group by g, the columns must have the same length; a has 3 values, b 4 and g 5

p = plot scatter {a: [2, 3, 4], b: [2, 2, 3, 4], g: ["u", "v", "e", "s", "v"]} x=a y=b by=g
