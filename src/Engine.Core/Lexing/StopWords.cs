using System.Collections.Frozen;

namespace Engine.Lexing;

/// <summary>
/// Arabic function words (prepositions, pronouns, particles, auxiliaries, common adverbs), in
/// normalized form, looked up by span without allocating.
/// </summary>
public static class StopWords
{
    private static readonly FrozenSet<string> Set = Build();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Set.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether the normalized word is a stop word.</summary>
    public static bool Contains(ReadOnlySpan<char> normalizedWord) => Lookup.Contains(normalizedWord);

    private static FrozenSet<string> Build()
    {
        const string words = """
            في من على الى إلى عن مع عند لدى حتى منذ خلال بين ضد نحو حول عبر دون قبل بعد فوق تحت امام أمام وراء
            لكن ولكن لكنه لكنها او أو ام أم ثم بل إن ان أن إنه انه أنه إنها انها أنها انهم أنهم بأن بان وأن وان فإن فان
            كان كانت كانوا يكون تكون يكونوا اصبح أصبح اصبحت أصبحت ليس ليست لم لن لا ما ماذا لماذا كيف متى اين أين هل قد لقد
            سوف سيكون هو هي هم هن هما انت أنت انتم أنتم انا أنا نحن هذا هذه هذان هاتان هؤلاء ذلك تلك اولئك أولئك هنا هناك
            الذي التي الذين اللذين اللتين اللاتي اللواتي كل بعض غير سوى جميع كافة اي أي ايضا أيضا فقط كما كذلك حيث اذا إذا
            لو لولا عندما بينما فيما مما ممن عما لما كلما منها منه فيها فيه عليها عليه عليهم اليه إليه اليها إليها لها له لهم
            بها به بهم عنه عنها عنهم معه معها معهم و ف ب ل ك يا اما أما وما وهو وهي وقد وكان وكانت ولا ولم ولن وفي ومن وعلى
            والى وإلى وعن ومع وهذا وهذه وذلك وتلك والتي والذي الا إلا الى حين اثناء أثناء لدي لديه لديها لديهم تم يتم وتم
            عدة عدد ذات نفس احد أحد اخرى أخرى اخر آخر مثل اكثر أكثر اقل أقل كثير قليل جدا اول أول امس أمس اليوم غدا الان الآن
            يوم عام سنة وقال قال قالت يقول تقول وقالت وأضاف واضاف أضاف اضاف وأكد واكد أكد اكد
            """;

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            set.Add(ArabicNormalizer.Normalize(w));
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
