# A def or closure made outside `repeat` runs inside it with its own copy of what it captured; defs made in a run
# stay in that run.
def counter {
  n = 0
  def bump { n = n + 1; n }
  [bump]
}
c = (counter())[0]
c()
t = repeat seeds=0..5 threads=2 { c(); c(); record k=c() }
print (sum (t.k == 4))  # expect: 6
print c()  # expect: 2
def twice x { 2 * x }
t = repeat seeds=0..3 { def thrice x { 3 * x }; record v=(twice 2) w=(thrice 2) }
print (sum t.v) (sum t.w)  # expect: 16 24
thrice 2  # expect error: unknown name 'thrice'
