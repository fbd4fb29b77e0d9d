# List building and indexing: a sieve of Eratosthenes over 2,000,000 numbers (a list built by appending, then
# read and written by index), and a sum over the primes found. Same program in lists.py and lists.lua.
def sieve n {
  flags = []
  for i in 0..<n { flags = append flags true }
  flags[0] = false
  flags[1] = false
  i = 2
  while i * i < n {
    if flags[i] {
      j = i * i
      while j < n {
        flags[j] = false
        j = j + i
      }
    }
    i = i + 1
  }
  primes = []
  for k in 0..<n {
    if flags[k] { primes = append primes k }
  }
  return primes
}
def total xs {
  s = 0
  for i in 0..<(len xs) { s = s + xs[i] % 1000 }
  return s
}
ps = sieve 2000000
print (len ps) (total ps) ps[-1]
