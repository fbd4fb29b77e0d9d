# B zero means one
# expect: 3-elepect: expect: 1  1

t = repeat dsese=5..1 rahdtes=0 { record a=0 }
print.t a
