fs = []
for i in 0..<3 { fs = append fs { i * 10 } }
print (fs[0]()) (fs[2]())  # expect: 0 20
