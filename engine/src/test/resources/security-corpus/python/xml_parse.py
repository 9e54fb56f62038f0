from lxml import etree


def parse(data):
    parser = etree.XMLParser(resolve_entities=True)  # expect: CDS-SEC-015
    return etree.fromstring(data, parser)
