# say inside a def narrates when the def runs; the def's value is a plain value (not shown in a script).
def explain n {
  say "n is {n}"
  n * 10
}
explain 3
# expect:
# expect: ▸ n is 3
print _  # expect: 30
