import NagRules
import Testing

/// The configuration file's building blocks: calendar dates (suppression expiry) and path globs.
@Suite struct ConfigModelTests {
    @Test(arguments: [("2026-12-31", true), ("2028-02-29", true), ("2026-02-29", false), ("2026-13-01", false),
                      ("2026-1-01", false), ("26-01-01", false), ("2026-01-01T00:00", false), ("", false)])
    func datesAreExactlyYYYYMMDD(text: String, valid: Bool) {
        #expect((CalendarDate(parsing: text) != nil) == valid)
        if valid { #expect(CalendarDate(parsing: text)?.description == text) }
    }

    @Test func dayArithmeticCrossesMonthsYearsAndLeapDays() throws {
        let start = try #require(CalendarDate(parsing: "2028-02-28"))
        #expect(start.adding(days: 1).description == "2028-02-29")
        #expect(start.adding(days: 2).description == "2028-03-01")
        #expect(start.adding(days: -365 - 58).description == "2027-01-01")
        #expect(start.days(until: try #require(CalendarDate(parsing: "2029-02-28"))) == 366)
        #expect(CalendarDate.today(secondsSince1970: 0).description == "1970-01-01")
        #expect(CalendarDate.today(secondsSince1970: 1_796_083_199).description == "2026-11-30")
        #expect(CalendarDate.today(secondsSince1970: -1).description == "1969-12-31")
    }

    @Test func globsMatchWithinAndAcrossSegments() {
        #expect(Glob("infra/*.yaml").matches("infra/app.yaml"))
        #expect(Glob("infra/*.yaml").matches("./infra/app.yaml"))
        #expect(!Glob("infra/*.yaml").matches("infra/sub/app.yaml"))
        #expect(Glob("infra/**/*.yaml").matches("infra/app.yaml"))
        #expect(Glob("infra/**/*.yaml").matches("infra/a/b/app.yaml"))
        #expect(Glob("**/vendor/**").matches("x/vendor/y/z.json"))
        #expect(Glob("*.generated.json").matches("deep/folder/app.generated.json"), "no slash: the file name alone")
        #expect(Glob("Bucket?").matches("Bucket1"))
        #expect(!Glob("Bucket?").matches("Bucket12"))
        #expect(Glob("App/*/Resource").matches("App/Data/Resource"))
        #expect(!Glob("App/*/Resource").matches("App/Data/Logs/Resource"))
    }

    @Test func aBadValueIsReportedWhereItIsWritten() throws {
        let text = "packs: AwsSolutions\nlevels:\n  AwsSolutions-S1: loud\nparameters:\n  - templates: '*.yaml'\n"
        #expect(throws: ConfigError.self) {
            try NagConfig.parse(bytes: Array(text.utf8), file: "c.yaml", folder: ".")
        }
        do {
            _ = try NagConfig.parse(bytes: Array(text.utf8), file: "c.yaml", folder: ".")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "c.yaml:3:20: error: levels.AwsSolutions-S1 must be error, warning, not loud",
                "c.yaml:5:5: error: a parameters entry needs values",
            ])
        }
    }

    @Test func pathsAreJoinedToTheFilesFolder() throws {
        let config = try NagConfig.parse(bytes: Array("paths: [infra, /abs]\ncustom-rules: policy\n".utf8), file: "../.nag.yaml", folder: "..")
        #expect(config.paths?.value == ["../infra", "/abs"])
        #expect(config.customRules?.value == ["../policy"])
        #expect(config.paths?.origin.description == "../.nag.yaml:1:8")
    }
}

/// Baseline entries: keyed without line or syntax, written sorted, read back to the same set.
@Suite struct BaselineModelTests {
    @Test func theTemplateKeyDropsTheSyntaxExtension() {
        #expect(BaselineEntry.templateKey("./infra/app.yaml") == "infra/app")
        #expect(BaselineEntry.templateKey("infra/app.json") == "infra/app")
        #expect(BaselineEntry.templateKey("cdk.out/App.template.json") == "cdk.out/App.template")
        #expect(BaselineEntry.templateKey("-") == "-")
    }

    @Test func theFileRoundTripsAndIsSorted() throws {
        let b = BaselineEntry(rule: "AwsSolutions-S1", findingId: nil, template: "t", resource: "B", read: "no logs")
        let a = BaselineEntry(rule: "AwsSolutions-IAM5", findingId: "Action::s3:*", template: "t", resource: "A", read: "wildcard \"s3\"")
        let baseline = Baseline(entries: [b, a, b])
        #expect(baseline.entries == [a, b])
        let parsed = try Baseline.parse(bytes: Array(baseline.text.utf8), file: "b.json")
        #expect(parsed == baseline)
        let lines = baseline.text.split(separator: "\n").filter { $0.hasPrefix("    {") }
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"    {"template":"t","resource":"A","rule":"AwsSolutions-IAM5","findingId":"Action::s3:*","read":"wildcard \"s3\"","fingerprint":""#))
    }
}
