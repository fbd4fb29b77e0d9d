# Only the showing commands show in a script: a def returning a table is a plain value (print it to show it).
seed 0
d = spurious n=5
def first_rows data { head data 1 }
first_rows d
print (first_rows d).n  # expect: 1
