using System.Reflection;
using System.Text.Json;
using Engine.Learning;

namespace Engine.Quotes.Internal;

/// <summary>
/// A quote's confidence: the probability that the quote and its speaker are both right, from a
/// logistic regression over what the extractor knows when it emits the quote (which rule found it,
/// its kind, how the speaker was named, how long the content is). The weights are fitted on the dev
/// gold (<c>engine eval-quotes --train</c>) and shipped as <c>quote-confidence.json</c>.
/// </summary>
internal sealed class ConfidenceModel
{
    private static readonly CueRule[] CueRules = Enum.GetValues<CueRule>();
    private static readonly SpeakerRule[] SpeakerRules = Enum.GetValues<SpeakerRule>();

    /// <summary>The feature names, in the order of <see cref="Weights"/>; a model file must list the same.</summary>
    public static readonly string[] FeatureNames = BuildNames();

    private static readonly Lazy<ConfidenceModel> Shipped = new(LoadShipped);

    private ConfidenceModel(double[] weights) => Weights = weights;

    /// <summary>The model the engine ships.</summary>
    public static ConfidenceModel Default => Shipped.Value;

    public double[] Weights { get; }

    public static int FeatureCount => FeatureNames.Length;

    /// <summary>The probability that the quote with these features is right (quote and speaker).</summary>
    public double Predict(ReadOnlySpan<double> features) => LogisticRegression.Predict(Weights, features);

    /// <summary>The probability that <paramref name="quote"/> is right, from the rules that found it and what it says.</summary>
    public double Predict(in Quote quote)
    {
        Span<double> x = stackalloc double[FeatureCount];
        Features(quote, x);
        return Predict(x);
    }

    /// <summary>Writes the features of <paramref name="quote"/> into <paramref name="x"/> (length <see cref="FeatureCount"/>).</summary>
    public static void Features(in Quote quote, Span<double> x)
    {
        x.Clear();
        int i = 0;
        x[i++] = 1; // bias
        x[i + (int)quote.Evidence.Cue] = 1;
        i += CueRules.Length;
        x[i + (int)quote.Evidence.Speaker] = 1;
        i += SpeakerRules.Length;
        x[i + (int)quote.Kind] = 1;
        i += 3;
        int speakerWords = Words(quote.Speaker);
        x[i++] = speakerWords == 0 ? 1 : 0;
        x[i + speakerWords switch { 0 or 1 => 0, <= 3 => 1, <= 6 => 2, _ => 3 }] = speakerWords == 0 ? 0 : 1;
        i += 4;
        x[i++] = quote.SpeakerName.Length > 0 ? 1 : 0;
        x[i++] = quote.SpeakerCanonical.Length > quote.Speaker.Length ? 1 : 0;
        x[i++] = quote.Speaker.StartsWith("ال", StringComparison.Ordinal) ? 1 : 0;
        x[i++] = quote.Cue.Length > 1 && quote.Cue[0] is 'و' or 'ف' ? 1 : 0;
        x[i++] = Words(quote.Cue) >= 2 ? 1 : 0;
        int contentWords = Words(quote.Content);
        x[i + contentWords switch { < 4 => 0, <= 10 => 1, <= 30 => 2, _ => 3 }] = 1;
    }

    /// <summary>Fits a model to feature rows and labels (1 = right) on the L2-penalised log loss.</summary>
    public static ConfidenceModel Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new ConfidenceModel(LogisticRegression.Fit(rows, labels.Select(l => l ? 1.0 : 0.0).ToList(), FeatureCount));
    }

    /// <summary>The model as JSON: feature names beside their weights.</summary>
    public void Write(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteStartObject("weights");
        for (int i = 0; i < FeatureCount; i++)
        {
            json.WriteNumber(FeatureNames[i], Math.Round(Weights[i], 4));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Reads a model written by <see cref="Write"/>; every feature must be present.</summary>
    public static ConfidenceModel Read(Stream stream)
    {
        using JsonDocument doc = JsonDocument.Parse(stream);
        JsonElement weights = doc.RootElement.GetProperty("weights");
        var w = new double[FeatureCount];
        for (int i = 0; i < FeatureCount; i++)
        {
            w[i] = weights.TryGetProperty(FeatureNames[i], out JsonElement v)
                ? v.GetDouble()
                : throw new InvalidDataException("The quote confidence model has no weight for " + FeatureNames[i] + ".");
        }

        return new ConfidenceModel(w);
    }

    private static ConfidenceModel LoadShipped()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Engine.Quotes.quote-confidence.json")
            ?? throw new InvalidOperationException("The quote confidence model is not embedded in Engine.Core.");
        return Read(stream);
    }

    private static int Words(string s)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    private static string[] BuildNames()
    {
        var names = new List<string> { "bias" };
        names.AddRange(CueRules.Select(r => "cue_" + r.ToString()));
        names.AddRange(SpeakerRules.Select(r => "speaker_rule_" + r.ToString()));
        names.AddRange(["kind_direct", "kind_indirect", "kind_mixed", "speaker_none", "speaker_1_word", "speaker_2_3_words", "speaker_4_6_words", "speaker_7_words",
            "speaker_named", "canonical_longer", "speaker_definite", "cue_prefixed", "cue_phrase", "content_under_4_words", "content_4_10_words", "content_11_30_words", "content_over_30_words"]);
        return [.. names];
    }
}
