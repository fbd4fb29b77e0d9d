p = plot scatter (spurious n=10) x=x1
print p.series ((len p.text) > 0)  # expect: [""] true
