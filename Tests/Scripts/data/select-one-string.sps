d = spurious n=10
print (select d "x2").features  # expect: ["x2"]
