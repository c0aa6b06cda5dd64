using Engine.Analysis;
using Engine.Summarization.Internal;

namespace Engine.Tests.Summarization;

public class SentenceGraphTests
{
    // Sentences 0 and 2 are the same words; 1 shares one word with them; 3 shares none.
    private const string Text =
        "زار الوزير بغداد أمس لبحث الأمن. " +
        "ناقش البرلمان قانون الأمن الجديد. " +
        "زار الوزير بغداد أمس لبحث الأمن. " +
        "ارتفعت أسعار النفط في الأسواق العالمية.";

    private static (TextAnalysis Analysis, int[] Body) Load()
    {
        var analysis = new TextAnalysis();
        analysis.Load(Text);
        return (analysis, [.. Enumerable.Range(0, analysis.Sentences.Length)]);
    }

    private static double Edge(SentenceGraph graph, int a, int b)
    {
        for (int k = graph.RowStart[a]; k < graph.RowStart[a + 1]; k++)
        {
            if (graph.Columns[k] == b)
            {
                return graph.Weights[k];
            }
        }

        return 0;
    }

    [Fact]
    public void Cosine_LinksSentencesThatShareTerms_Symmetrically_AndNoOthers()
    {
        (TextAnalysis analysis, int[] body) = Load();
        using (analysis)
        using (var graph = new SentenceGraph())
        {
            graph.Build(analysis, body, SimilarityKind.Cosine, 0);

            Assert.Equal(4, graph.Count);
            Assert.Equal(1.0, Edge(graph, 0, 2), 1e-12);
            Assert.Equal(1.0, graph.Cosine(0, 2), 1e-12);
            Assert.InRange(Edge(graph, 0, 1), 0.01, 0.99);
            Assert.Equal(Edge(graph, 0, 1), Edge(graph, 1, 0));
            Assert.Equal(0, Edge(graph, 0, 3));
            Assert.Equal(0, Edge(graph, 1, 3));
            Assert.Equal(0, Edge(graph, 0, 0)); // no self-loops
        }
    }

    [Fact]
    public void AThreshold_DropsTheWeakEdgesOnly()
    {
        (TextAnalysis analysis, int[] body) = Load();
        using (analysis)
        using (var graph = new SentenceGraph())
        {
            graph.Build(analysis, body, SimilarityKind.Cosine, 0);
            double weak = Edge(graph, 0, 1);
            graph.Build(analysis, body, SimilarityKind.Cosine, weak + 0.01);

            Assert.Equal(0, Edge(graph, 0, 1));
            Assert.Equal(1.0, Edge(graph, 0, 2), 1e-12);
        }
    }

    [Fact]
    public void Overlap_IsTextRanksWordOverlapOverLogLengths()
    {
        (TextAnalysis analysis, int[] body) = Load();
        using (analysis)
        using (var graph = new SentenceGraph())
        {
            graph.Build(analysis, body, SimilarityKind.Overlap, 0);

            Assert.True(Edge(graph, 0, 2) > Edge(graph, 0, 1));
            Assert.Equal(0, Edge(graph, 2, 3));
            Assert.False(graph.IsCosine);
        }
    }
}
