# Recursive calls: the naive Fibonacci recursion (2.7 million def calls). Same program in fib.py and fib.lua.
def fib n {
  if n < 2 { return n }
  return fib(n - 1) + fib(n - 2)
}
print (fib 30)
