# Squares a number.
def sq x { x * x }
print (helpdoc "sq")  # expect: Squares a number.
