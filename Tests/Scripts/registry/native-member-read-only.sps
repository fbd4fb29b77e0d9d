c = counter()
c.name = "x"  # expect error: member 'name' of Counter cannot be set
