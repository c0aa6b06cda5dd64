namespace Engine.Learning;

/// <summary>
/// Logistic regression fitted by full-batch gradient descent on the L2-penalised log loss, for the
/// engine's small learned components (quote confidence, sentence scores). Labels may be soft (in
/// [0, 1]); feature 0 is the bias and is not penalised. Deterministic: the same rows give the same weights.
/// </summary>
internal static class LogisticRegression
{
    /// <summary>The probability the model with <paramref name="weights"/> gives to <paramref name="x"/>.</summary>
    public static double Predict(ReadOnlySpan<double> weights, ReadOnlySpan<double> x)
    {
        double z = 0;
        for (int i = 0; i < x.Length; i++)
        {
            z += weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Fits weights to <paramref name="rows"/> and their <paramref name="labels"/>.</summary>
    public static double[] Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> labels, int features, int iterations = 3000, double learningRate = 0.5, double l2 = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var w = new double[features];
        var gradient = new double[features];
        int n = rows.Count;
        if (n == 0)
        {
            return w;
        }

        for (int iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            for (int r = 0; r < n; r++)
            {
                double[] x = rows[r];
                double error = Predict(w, x) - labels[r];
                for (int k = 0; k < x.Length; k++)
                {
                    gradient[k] += error * x[k];
                }
            }

            for (int k = 0; k < w.Length; k++)
            {
                double penalty = k == 0 ? 0 : l2 * w[k];
                w[k] -= learningRate * ((gradient[k] / n) + penalty);
            }
        }

        return w;
    }
}
