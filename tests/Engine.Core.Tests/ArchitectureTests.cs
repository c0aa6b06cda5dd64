using System.Reflection;
using System.Reflection.Emit;
using Engine.Analysis;

namespace Engine.Tests;

/// <summary>
/// The folders of Engine.Core (one namespace each, <c>.Internal</c> counting as its folder) depend on
/// each other without cycles, so each can be read and tested from the ones below it. Every type a
/// type mentions counts: base types, fields, signatures, attributes' types, and every type, field
/// and method its method bodies refer to.
/// </summary>
public class ArchitectureTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void TheFoldersOfEngineCore_DependOnEachOtherWithoutACycle()
    {
        Dictionary<string, HashSet<string>> graph = FolderGraph(typeof(TextAnalysis).Assembly);
        Assert.Contains("Incremental", graph.Keys);
        Assert.Contains("Summarization", graph["Incremental"]); // the scan sees real dependencies

        List<string>? cycle = FindCycle(graph);
        Assert.True(cycle is null, "Folders depend on each other in a cycle: " + string.Join(" → ", cycle ?? []));
    }

    [Theory]
    [InlineData("Text", "Incremental")]
    [InlineData("Summarization", "Incremental")]
    [InlineData("Lexing", "Analysis")]
    [InlineData("Quotes", "Summarization")]
    [InlineData("Keyphrases", "Summarization")]
    public void AFolder_DoesNotReachUpTo(string folder, string above)
    {
        Dictionary<string, HashSet<string>> graph = FolderGraph(typeof(TextAnalysis).Assembly);
        Assert.DoesNotContain(above, Reachable(graph, folder));
    }

    internal static Dictionary<string, HashSet<string>> FolderGraph(Assembly assembly)
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (Type type in assembly.GetTypes())
        {
            string? from = FolderOf(type, assembly);
            if (from is null)
            {
                continue;
            }

            HashSet<string> edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (Type used in Mentions(type))
            {
                if (FolderOf(used, assembly) is { } to && to != from)
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }

    private static string? FolderOf(Type type, Assembly assembly)
    {
        while (type.IsArray || type.IsByRef || type.IsPointer)
        {
            type = type.GetElementType()!;
        }

        if (type.Assembly != assembly || type.Namespace is not { } ns || !ns.StartsWith("Engine", StringComparison.Ordinal))
        {
            return null;
        }

        string[] parts = ns.Split('.');
        return parts.Length == 1 ? "(root)" : parts[1];
    }

    private static IEnumerable<Type> Mentions(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        void Add(Type? t)
        {
            if (t is null)
            {
                return;
            }

            found.Add(t);
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (Type a in t.GetGenericArguments())
                {
                    Add(a);
                }
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }
        }

        Add(type.BaseType);
        foreach (Type i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (FieldInfo f in type.GetFields(All))
        {
            Add(f.FieldType);
        }

        foreach (MethodBase m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType);
            }

            foreach (ParameterInfo p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (LocalVariableInfo local in m.GetMethodBody()?.LocalVariables ?? [])
            {
                Add(local.LocalType);
            }

            foreach (MemberInfo member in BodyReferences(m))
            {
                Add(member as Type ?? member.DeclaringType);
                Add((member as FieldInfo)?.FieldType);
                Add((member as MethodInfo)?.ReturnType);
            }
        }

        return found;
    }

    /// <summary>The types, fields and methods a method's IL refers to.</summary>
    private static IEnumerable<MemberInfo> BodyReferences(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int at = 0; at < il.Length;)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            OpCode op = OpCodesByValue[value];
            at += op.Size;
            int operand = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // a member of a generic instantiation the resolver cannot bind: its declaring type is still seen elsewhere
                }

                if (member is not null)
                {
                    yield return member;
                }
            }

            at += operand;
        }
    }

    private static HashSet<string> Reachable(Dictionary<string, HashSet<string>> graph, string from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([from]);
        while (stack.TryPop(out string? node))
        {
            foreach (string next in graph.GetValueOrDefault(node) ?? [])
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> graph)
    {
        foreach (string start in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Reachable(graph, start).Contains(start))
            {
                // Name one cycle: walk back along edges that return to the start.
                var path = new List<string> { start };
                string node = start;
                var visited = new HashSet<string>(StringComparer.Ordinal) { start };
                while (true)
                {
                    string next = graph[node].Order(StringComparer.Ordinal).First(n => n == start || (Reachable(graph, n).Contains(start) && !visited.Contains(n)));
                    path.Add(next);
                    if (next == start)
                    {
                        return path;
                    }

                    visited.Add(next);
                    node = next;
                }
            }
        }

        return null;
    }
}
