c = counter()
tick  # expect: tick
