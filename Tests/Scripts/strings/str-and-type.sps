print (str 3.5) (type "x") (type 1) (type [1]) (type nil)  # expect: 3.5 string number list nil
