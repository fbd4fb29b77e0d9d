print (adam lr=1e-3)
print (adamw lr=0.01)
print (sgd lr=0.1 momentum=0.9 nesterov=true)
print (steplr every=10 gamma=0.5)
print (multisteplr [5, 12] gamma=0.3)
print (explr gamma=0.9)
print (cosine period=7 min=1e-4)

# expect: adam lr=0.001
# expect: adamw lr=0.01 weight_decay=0.01
# expect: sgd lr=0.1 momentum=0.9 nesterov=true
# expect: StepLR(every=10, gamma=0.5)
# expect: MultiStepLR(milestones=[5, 12], gamma=0.3)
# expect: ExponentialLR(gamma=0.9)
# expect: CosineAnnealingLR(period=7, min=0.0001)
