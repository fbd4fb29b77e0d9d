# replace=false only makes sense for draws made now
print (choice [1, 2] replace=false)  # expect error col 30: replace=false needs size=: without it choice is a distribution drawn once per row
