seed 0
train = spurious n=50
p = plot scatter train x=x3 y=y
print (type p) p.kind p.title p.series (len p.notes)  # expect: Plot scatter train [""] 0
print ((len p.text) > 100) ((len p.svg) > 500)  # expect: true true
