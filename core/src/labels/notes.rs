//! The engine's notes ([`Note`]) in words, per language: a template whose `{}` are filled in
//! order by the arguments. The English words are the contract's (the JSON report has always
//! carried them); changing one is a change of the report.

use crate::notes::{Arg, Expected, Note};
use crate::vocabulary::Lang;

/// `note`'s template in `lang` and the arguments that fill it.
pub(crate) fn words<T>(lang: Lang, note: &Note<T>) -> (&'static str, Vec<Arg<'_, T>>) {
    use Arg::{Fixed, Num, Text};
    use Note::*;
    let zh = lang == Lang::Zh;
    let pick = |en: &'static str, cn: &'static str| if zh { cn } else { en };
    match note {
        PasteCut { size, read } => (
            pick(
                "The paste is {} bytes; only the first {} bytes were read and diagnosed.",
                "粘贴内容共 {} 字节，只读取并诊断了前 {} 字节。",
            ),
            vec![Num(*size), Num(*read)],
        ),
        PasteEmpty => (pick("The paste is empty.", "粘贴内容为空。"), vec![]),
        ConfigCut { read } => (
            pick(
                "Config blocks were looked for in the first {} bytes only.",
                "只在前 {} 字节中查找了配置块。",
            ),
            vec![Num(*read)],
        ),
        TooManyBlocks { max } => (
            pick(
                "more than {} blocks; the rest of the paste is not read",
                "配置块超过 {} 个；粘贴内容的其余部分未读取",
            ),
            vec![Num(*max)],
        ),
        TooManySettings { max } => (
            pick(
                "more than {} settings; the rest are not read",
                "设置项超过 {} 个；其余的未读取",
            ),
            vec![Num(*max)],
        ),
        TooDeep { max, line } => (
            pick(
                "nesting deeper than {} at line {}; the rest is not read",
                "第 {} 行嵌套超过 {} 层；其余部分未读取",
            ),
            if zh {
                vec![Num(*line), Num(*max)]
            } else {
                vec![Num(*max), Num(*line)]
            },
        ),
        JsonNoOpeningBrace => (
            pick(
                "JSON block starts without its opening '{' (pasted from the middle?)",
                "JSON 块缺少开头的 '{'（是否从中间开始粘贴？）",
            ),
            vec![],
        ),
        JsonEndsEarly { line } => (
            pick(
                "JSON block ends early at line {}",
                "JSON 块在第 {} 行提前结束",
            ),
            vec![Num(*line)],
        ),
        JsonStops { line } => (
            pick(
                "JSON block stops at line {}; the rest is not read as JSON",
                "JSON 块在第 {} 行中断；其余部分未按 JSON 读取",
            ),
            vec![Num(*line)],
        ),
        Unexpected {
            found,
            line,
            expected,
        } => {
            let what = match (expected, zh) {
                (Expected::KeyOrBrace, false) => "expected a key or '}'",
                (Expected::Colon, false) => "expected ':' after a key",
                (Expected::Bracket, false) => "expected ']'",
                (Expected::Value, false) => "expected a value",
                (Expected::KeyOrBrace, true) => "此处应为键或 '}'",
                (Expected::Colon, true) => "键后应为 ':'",
                (Expected::Bracket, true) => "此处应为 ']'",
                (Expected::Value, true) => "此处应为一个值",
            };
            match found {
                Some(c) => (
                    pick(
                        "unexpected '{}' at line {}: {}",
                        "第 {} 行出现意外的 '{}'：{}",
                    ),
                    if zh {
                        vec![Num(*line), Text(c), Fixed(what)]
                    } else {
                        vec![Text(c), Num(*line), Fixed(what)]
                    },
                ),
                None => (
                    pick("unexpected at line {}: {}", "第 {} 行意外结束：{}"),
                    vec![Num(*line), Fixed(what)],
                ),
            }
        }
        MissingComma { line } => (
            pick("missing ',' before line {}", "第 {} 行之前缺少 ','"),
            vec![Num(*line)],
        ),
        StringNotClosedSince { line } => (
            pick(
                "string not closed (opened at line {})",
                "字符串未闭合（始于第 {} 行）",
            ),
            vec![Num(*line)],
        ),
        StringNotClosed { line } => (
            pick("string not closed at line {}", "第 {} 行的字符串未闭合"),
            vec![Num(*line)],
        ),
        NotTomlValue { line, text } => (
            pick(
                "line {}: `{}` is not a TOML value (a string needs quotes)",
                "第 {} 行：`{}` 不是 TOML 值（字符串需要加引号）",
            ),
            vec![Num(*line), Text(text)],
        ),
        TomlEndsEarly { line } => (
            pick(
                "TOML block ends early at line {}",
                "TOML 块在第 {} 行提前结束",
            ),
            vec![Num(*line)],
        ),
        TomlStops { line } => (
            pick(
                "TOML block stops at line {}; the rest is not read as TOML",
                "TOML 块在第 {} 行中断；其余部分未按 TOML 读取",
            ),
            vec![Num(*line)],
        ),
        TomlTextAfterValue { line } => (
            pick(
                "line {}: unexpected text after the value",
                "第 {} 行：值后面有多余的文本",
            ),
            vec![Num(*line)],
        ),
        HttpBodyEndsEarly { line } => (
            pick(
                "HTTP body: JSON ends early at line {}",
                "HTTP 请求体：JSON 在第 {} 行提前结束",
            ),
            vec![Num(*line)],
        ),
        HttpBodyStops { line } => (
            pick(
                "HTTP body: JSON stops at line {}",
                "HTTP 请求体：JSON 在第 {} 行中断",
            ),
            vec![Num(*line)],
        ),
        CodeEndsEarly { line } => (
            pick(
                "code block ends early at line {}",
                "代码块在第 {} 行提前结束",
            ),
            vec![Num(*line)],
        ),
        CodeStops { line } => (
            pick(
                "code block: could not read past line {}",
                "代码块：第 {} 行之后无法读取",
            ),
            vec![Num(*line)],
        ),
        CodeValueNotRead => (
            pick(
                "assignment: value not read to its end",
                "赋值语句：值未能读到结尾",
            ),
            vec![],
        ),
        CurlWithoutArguments => (
            pick("curl command without arguments", "curl 命令没有参数"),
            vec![],
        ),
        CurlBodyEndsEarly { line } => (
            pick(
                "curl body: JSON ends early at line {}",
                "curl 请求体：JSON 在第 {} 行提前结束",
            ),
            vec![Num(*line)],
        ),
        CurlBodyStops { line } => (
            pick(
                "curl body: JSON stops at line {}",
                "curl 请求体：JSON 在第 {} 行中断",
            ),
            vec![Num(*line)],
        ),
        CurlBodyTextAfter => (
            pick(
                "curl body: text after the JSON",
                "curl 请求体：JSON 之后还有文本",
            ),
            vec![],
        ),
        ShellUnclosedQuote { quote, line } => (
            pick("unclosed {} quote at line {}", "第 {} 行的 {} 引号未闭合"),
            if zh {
                vec![Num(*line), Fixed(quote.as_str())]
            } else {
                vec![Fixed(quote.as_str()), Num(*line)]
            },
        ),
        SetUnclosedQuote { offset } => (
            pick(
                "unclosed quote in `set` at offset {}",
                "偏移 {} 处的 `set` 中引号未闭合",
            ),
            vec![Num(*offset)],
        ),
        CmdSetKeepsQuotes { name } => (
            pick(
                "cmd `set {}=\"…\"` keeps the quotes in the value; write `set \"{}=…\"`",
                "cmd 的 `set {}=\"…\"` 会把引号留在值里；请写成 `set \"{}=…\"`",
            ),
            vec![Text(name), Text(name)],
        ),
        UnclosedQuoteInValue { name } => (
            pick("unclosed quote in the value of {}", "{} 的值中引号未闭合"),
            vec![Text(name)],
        ),
        YamlWithoutValues => (pick("YAML block without values", "YAML 块中没有值"), vec![]),
    }
}
