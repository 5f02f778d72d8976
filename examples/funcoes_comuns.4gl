#-------------------------------------------------------------------#
# BIBLIOTECA: funcoes_comuns - funções auxiliares (exemplo          #
#             sintético). Não é um programa: nenhuma FUNCTION tem   #
#             o nome do arquivo, e não há MAIN.                     #
#-------------------------------------------------------------------#
DATABASE logix

#--------------------------------------------#
 FUNCTION funcoes_comuns_formata_data(l_data)
#--------------------------------------------#
   DEFINE l_data   DATE
   RETURN l_data USING "dd/mm/yyyy"
END FUNCTION

#-------------------------------------------------#
 FUNCTION funcoes_comuns_valor_extenso(l_valor)
#-------------------------------------------------#
   DEFINE l_valor  DECIMAL(17,2)
   IF l_valor IS NULL THEN
      RETURN "zero"
   END IF
   RETURN "valor não convertido"
END FUNCTION
