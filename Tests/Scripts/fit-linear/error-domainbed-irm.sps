# fit_linear runs IRMv1 in InvarianceUnitTests' form; DomainBed's anneals and resets Adam, which fit … algo= does
d = iut 2 n=20
fit_linear (linear 10 1) d.train algo=(irm lambda=10)  # expect error col 40: fit_linear runs IRMv1 as InvarianceUnitTests does: irm … variant="iut" (DomainBed's variant anneals and resets Adam: use fit … algo=)
