# resume= takes the partial table of the same study (as Ctrl-C leaves it): its rows are kept and only the missing
# runs run, so the finished table equals the study run at once.
seed 0
d = spurious n=200
whole = repeat seeds=0..3 k=[1, 2] {
  m = linear 3 1
  fit m d epochs=2
  record r=(rmse m d) kk=k
}
part = whole[0..<3]
done = repeat resume=part seeds=0..3 k=[1, 2] {
  m = linear 3 1
  fit m d epochs=2
  record r=(rmse m d) kk=k
}
print done.n (sum (abs (done.r - whole.r))) (sum (abs (done.kk - whole.kk)))
# expect: 8 0 0
# The kept rows are not run again: a body that records something else shows which rows ran.
mixed = repeat resume=part seeds=0..3 k=[1, 2] { record r=-1 kk=0 }
print (sum mixed.kk)
# expect: 3
