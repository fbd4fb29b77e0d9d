def run b { b() }
def f { y = 7; run { y * 2 } }
print (f())  # expect: 14
