# shuffle d cols=[…] reorders only those columns, all by one permutation: pairs stay together, links to others break
seed 2
d = dataset (tensor [[1, 10, 0], [2, 20, 0], [3, 30, 0], [4, 40, 0], [5, 50, 0]]) (tensor [1, 2, 3, 4, 5]) names=[a, b, c] env=[0, 0, 1, 1, 1]
s = shuffle d cols=[a, b]
print (sum (s.b == 10 * s.a)) (sum (s.y == d.y)) (sum ((sort s.a) == (sort d.a)))  # expect: 5 5 5
print ((sum (s.a == d.a)) < 5) (sum (s.env == d.env))  # expect: true 5
print (shuffle d cols=[q])  # expect error: shuffle: no column named 'q'; the columns are a, b, c, y
