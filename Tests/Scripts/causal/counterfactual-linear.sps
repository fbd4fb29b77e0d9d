# Counterfactuals of a linear SCM, row by row, against the closed form (to 1e-6). For
#   a = U_a,  b = 0.5 a + U_b,  c = 0.25 a - 0.5 b + 0.1 + U_c,  d = 0.75 c + U_d
# each row's noise is U_b = b - 0.5 a (and so on); under do(a = a + 0.1) the row becomes
#   a' = a + 0.1,  b' = b + 0.05,  c' = c + 0.025 - 0.025 = c,  d' = d
# and under do(b = 0.2):  a' = a,  b' = 0.2,  c' = c - 0.5 (0.2 - b),  d' = d + 0.75 (c' - c).
model = {
  a = normal 0 0.1
  b = 0.5 * a + normal 0 0.1
  c = 0.25 * a - 0.5 * b + 0.1 + normal 0 0.1
  d = 0.75 * c + normal 0 0.1
}
seed 3
data = scm n=500 target=d model
shift = counterfactual model data do={ a = a + 0.1 }
print ((max (abs (shift.a - (data.a + 0.1)))) < 1e-6) ((max (abs (shift.b - (data.b + 0.05)))) < 1e-6)  # expect: true true
print ((max (abs (shift.c - data.c))) < 1e-6) ((max (abs (shift.d - data.d))) < 1e-6)  # expect: true true
set = counterfactual model data do={ b = 0.2 }
c2 = data.c - 0.5 * (0.2 - data.b)
print ((max (abs (set.a - data.a))) < 1e-6) ((max (abs (set.b - 0.2))) < 1e-6) ((max (abs (set.c - c2))) < 1e-6)  # expect: true true true
print ((max (abs (set.d - (data.d + 0.75 * (c2 - data.c))))) < 1e-6)  # expect: true
# Doing nothing gives the data back; the columns and their order are the data's.
same = counterfactual model data do={ a = a }
print ((max (abs (same.X - data.X))) < 1e-6) ((max (abs (same.Y - data.Y))) < 1e-6) same.columns  # expect: true true ["a", "b", "c", "d"]
