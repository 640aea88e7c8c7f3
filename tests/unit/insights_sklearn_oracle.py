#!/usr/bin/python3
"""Checks rxtrack's AUC, Brier score, top-20% share and logistic regression against
scikit-learn on fixed inputs. Usage: insights_sklearn_oracle.py PATH_TO_insights_oracle_tool"""
import json
import subprocess
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.preprocessing import StandardScaler


def share_found_in_top(scores, labels, fraction):
    order = np.argsort(-scores, kind="stable")
    top = int(np.ceil(len(scores) * fraction))
    return labels[order[:top]].sum() / labels.sum()


def check(case, tool):
    rng = np.random.default_rng(case)
    n, k = 400 + 100 * case, 4
    x = rng.normal(size=(n, k)) * [1, 3, 0.5, 10] + [0, 5, 1, -2]
    t = -0.5 + x @ np.array([1.2, -0.4, 2.0, 0.05])
    labels = (rng.random(n) < 1 / (1 + np.exp(-t))).astype(int)
    # Scores with ties, as a coarse model would give.
    scores = np.round(1 / (1 + np.exp(-(t + rng.normal(size=n)))), 1)
    l2 = 0.5 + case
    payload = {"scores": scores.tolist(), "labels": labels.tolist(),
               "rows": x.ravel().tolist(), "features": k, "l2": l2}
    got = json.loads(subprocess.run([tool], input=json.dumps(payload), capture_output=True,
                                    text=True, check=True).stdout)
    z = StandardScaler().fit_transform(x)
    reference = LogisticRegression(C=1 / l2, tol=1e-12, max_iter=10000).fit(z, labels)
    expected = {"auc": roc_auc_score(labels, scores),
                "brier": brier_score_loss(labels, scores),
                "share_top20": share_found_in_top(scores, labels, 0.2)}
    failures = []
    for name, value in expected.items():
        if abs(got[name] - value) > 1e-9:
            failures.append(f"case {case}: {name} {got[name]} != sklearn {value}")
    for j in range(k):
        if abs(got["weights"][j] - reference.coef_[0][j]) > 1e-4:
            failures.append(f"case {case}: weight {j} {got['weights'][j]} != "
                            f"sklearn {reference.coef_[0][j]}")
    if abs(got["intercept"] - reference.intercept_[0]) > 1e-4:
        failures.append(f"case {case}: intercept {got['intercept']} != "
                        f"sklearn {reference.intercept_[0]}")
    if not got["converged"]:
        failures.append(f"case {case}: the fit did not converge")
    return failures


def main():
    failures = [f for case in range(3) for f in check(case, sys.argv[1])]
    for f in failures:
        print(f)
    print("insights metrics agree with scikit-learn" if not failures else "MISMATCH")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
