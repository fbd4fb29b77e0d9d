# A logistic classifier trained with bce_logits: accuracy, error_rate and predicted probabilities, usable as
# eval metrics of a loop and in `eval`.
seed 0
x = randn 400 2
y = (x[.., 0] + 0.5 * x[.., 1] > 0) * 1
d = dataset x y
m = linear 2 1
l = fit m d epochs=30 batch=40 optim=(adam lr=0.05) loss={ m b -> bce_logits (m b.x) b.y } eval=[d] metric=[accuracy, error_rate]
# expect: true
print (accuracy m d > 0.95)
# expect: true
print ((accuracy m d) + (error_rate m d) == 1)
# The loop's history has the metrics per epoch.
h = l.history
# expect: true
print (h.d_accuracy[-1] == accuracy m d)
t = eval m [d] metric=[accuracy, mse]
# expect: ["set", "accuracy", "mse"]
print t.columns
p = predict_proba m d
# expect: [400]
print p.shape
# The probability is the sigmoid of the logit, and above 0.5 exactly where the logit is positive.
# expect: true
print ((max (abs (p - sigmoid (detach (m x))))) < 1e-6)
# expect: true
print ((mean ((p > 0.5) == (y > 0.5))) == accuracy m d)
# The same metric of the logits against the labels, as tensors (logits that carry gradients count by value).
# expect: true
print ((accuracy (m x) y) == accuracy m d)
