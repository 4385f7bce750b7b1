// Times the series store on a large import and on as-of reads, in process (no CLI start-up in the figures).
//   store-timing sqlite:/path/to.sqlite | postgres://...  CATALOG.csv OBSERVATIONS.csv SERIES_ID AS_OF
// Prints one JSON line: import seconds, rows added, and the median and best of 50 as-of reads of one series.
import Foundation
import Store

let arguments = CommandLine.arguments
guard arguments.count == 6, let series = SeriesID(arguments[4]), let asOf = CalendarDay(iso: arguments[5]) else {
    FileHandle.standardError.write(Data("usage: store-timing sqlite:PATH|postgres://URL CATALOG OBSERVATIONS SERIES_ID AS_OF\n".utf8))
    exit(64)
}
let location: StoreLocation = arguments[1].hasPrefix("sqlite:") ? .sqlite(path: String(arguments[1].dropFirst(7))) : .postgres(url: arguments[1])
let store = try await location.open()
var added = 0
var failure: String?
let start = DispatchTime.now().uptimeNanoseconds
try await Importer(store: store).run([arguments[2], arguments[3]]) { _, outcome in
    switch outcome {
    case .observations(let summary): added += summary.added
    case .failed(let error): failure = error.description
    default: break
    }
}
let importSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
if let failure { FileHandle.standardError.write(Data("\(failure)\n".utf8)); exit(1) }
var reads: [Double] = []
var count = 0
for _ in 0..<50 {
    let t = DispatchTime.now().uptimeNanoseconds
    count = try await store.observations(of: series, asOf: asOf).count
    reads.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e6)
}
reads.sort()
try await store.close()
print(String(decoding: try JSONSerialization.data(withJSONObject: [
    "importSeconds": importSeconds, "added": added, "readMedianMs": reads[25], "readBestMs": reads[0], "readRows": count,
]), as: UTF8.self))
