def nothing { x = 1 }
print (nothing())  # expect: nil
def early { return }
print (early())  # expect: nil
