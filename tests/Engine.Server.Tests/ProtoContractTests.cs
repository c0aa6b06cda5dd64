using System.Text.RegularExpressions;
using Engine.Grpc.V1;
using Google.Protobuf.Reflection;

namespace Engine.Server.Tests;

/// <summary>The contract follows the rules buf lint applies by default to enums and names.</summary>
public class ProtoContractTests
{
    private static IEnumerable<FileDescriptor> Files => [EngineReflection.Descriptor, HttpReflection.Descriptor];

    private static string Screaming(string name) => Regex.Replace(name, "(?<=[a-z0-9])([A-Z])", "_$1").ToUpperInvariant();

    [Fact]
    public void EveryEnum_StartsAtUnspecified_AndPrefixesItsValuesWithItsName()
    {
        EnumDescriptor[] enums = [.. Files.SelectMany(f => f.EnumTypes.Concat(f.MessageTypes.SelectMany(m => m.EnumTypes)))];
        Assert.Contains(enums, e => e.Name == "TokenKind");

        foreach (EnumDescriptor e in enums)
        {
            string prefix = Screaming(e.Name) + "_";
            Assert.Equal(prefix + "UNSPECIFIED", e.Values.Single(v => v.Number == 0).Name);
            Assert.All(e.Values, v => Assert.StartsWith(prefix, v.Name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Names_AreUpperCamelForTypesAndLowerSnakeForFields()
    {
        foreach (MessageDescriptor m in Files.SelectMany(f => f.MessageTypes))
        {
            Assert.Matches("^[A-Z][A-Za-z0-9]*$", m.Name);
            Assert.All(m.Fields.InDeclarationOrder(), f => Assert.Matches("^[a-z][a-z0-9_]*$", f.Name));
        }

        Assert.All(Files.SelectMany(f => f.Services).SelectMany(s => s.Methods), m => Assert.Matches("^[A-Z][A-Za-z0-9]*$", m.Name));
        Assert.All(Files, f => Assert.Equal("engine.v1", f.Package));
    }

    [Theory]
    [InlineData("protos/engine/v1/engine.proto")]
    [InlineData("protos/engine/v1/http.proto")]
    public void EveryServiceMethodMessageEnumFieldAndValue_HasAComment(string path)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Engine.Tests.Infrastructure.TestData.RepositoryRoot, path));
        var element = new Regex(@"^(service|rpc|message|enum)\s|^(repeated |optional )?[\w.]+\s+\w+\s*=\s*\d+;|^[A-Z0-9_]+\s*=\s*\d+;");
        string[] bare = [.. lines.Select((line, i) => (Line: line.Trim(), Before: i > 0 ? lines[i - 1].Trim() : string.Empty, Number: i + 1))
            .Where(l => element.IsMatch(l.Line) && !l.Before.StartsWith("//", StringComparison.Ordinal) && !l.Line.Contains("//", StringComparison.Ordinal))
            .Select(l => $"{path}:{l.Number}: {l.Line}")];

        Assert.Empty(bare);
    }
}
