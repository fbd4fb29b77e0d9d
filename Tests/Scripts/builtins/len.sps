print (len [1, 2]) (len "abc") (len {a: 1}) (len 0..<4) (len (zeros 5 2))  # expect: 2 3 1 4 5
